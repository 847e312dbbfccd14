"""Page modules, one per resource, mirroring ``passionpath.api.routes``."""
