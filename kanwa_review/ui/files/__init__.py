"""Files in and out: submission packages, Excel workbooks, progress files, the facility master,
PDF reports, and the one view of import results."""
