"""The form definitions shipped with the app; the build maps this folder into the package as
`kanwa_review.forms` (setup.py), found at run time by `kanwa_review.core.resources`."""
