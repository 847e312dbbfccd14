"""Server-rendered web pages (Jinja2 templates, HTML forms, no JavaScript build step)."""

from passionpath.web._routes import router

__all__ = ["router"]
