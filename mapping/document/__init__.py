"""The document layer: the bytes of a minutes file (PDF or text) → numbered, normalised lines
with their page furniture marked, and typed blocks. The grammar (mapping/parse_*.py) reads
what this layer gives and never sees page furniture.

    read_text.py / read_pdf.py  →  normalise.py  →  furniture.py  →  model.Document
"""
