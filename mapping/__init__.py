"""From IntMK minutes (text) to an RDF graph: parse into a typed model, then emit RDF."""
