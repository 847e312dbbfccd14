"""Candidate profiles (CVs): JSON Resume checked against the standard, tailored to a target
occupation, rendered to HTML and PDF, and matched against a job posting."""

from passionpath.cv._schema import SchemaWarning, resume_schema, validate_resume

__all__ = ["SchemaWarning", "resume_schema", "validate_resume"]
