"""The SPARQL 1.1 Protocol endpoint at /sparql (placeholder)."""

from fastapi import APIRouter

router = APIRouter()
