"""Chấm điểm khối in the window: a unit's score sheet as a grid (sheet_model, sheet_view) and the
criteria table's editor (criteria_editor). Every write goes through the services on the writer."""
