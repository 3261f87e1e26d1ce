"""The review page: its header over the checklist, findings and audit-trail tabs."""
