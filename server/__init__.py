"""The HTTP server: SPARQL endpoint, dereferenceable URIs and documents over one built graph."""
