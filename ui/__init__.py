"""The Qt GUI: widgets and Qt models. Talks to ``app`` services only, never to SQL."""
