"""The HTTP API (/v1) and the dashboard, served by one FastAPI app over a store."""

from accord.web.api import create_app

__all__ = ["create_app"]
