"""PDF feedback reports (評価報告書) with ReportLab: feedback.py builds one, batch.py many."""
