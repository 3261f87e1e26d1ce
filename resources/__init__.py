"""Files shipped with the app (the report font and its licence); the build maps this folder into
the package as `kanwa_review.resources` (setup.py), found at run time by
`kanwa_review.core.resources`."""
