"""Dialogs to create and edit each entity: layout in ``_build``, behaviour in ``accept``."""
