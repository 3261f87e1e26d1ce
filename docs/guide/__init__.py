"""The user guide (使い方ガイド), mapped into the package as kanwa_review.guide (setup.py) so the
app's Help menu opens the copy it ships; the pages are made by scripts/build_guide.py."""
