"""Photo evaluation suites: photo_reuse and synthetic_face on the face images."""
