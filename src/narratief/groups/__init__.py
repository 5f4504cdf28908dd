"""Group sessions for many participants at once: codes, contributions, live dashboard, closing report."""
