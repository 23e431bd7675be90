"""Dereferencing: /id/… → 303 → /doc/… with content negotiation (placeholder)."""

from fastapi import APIRouter

router = APIRouter()
