"""The pure domain core: form definitions, reviews, answers, scoring, skip logic. No Qt here."""
