"""Route modules: each is a thin layer over one part of the core."""
