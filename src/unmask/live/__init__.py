"""Live decisions: events scored as they happen (sign-ups, invitations, messages, profile views),
windows of recent activity, and the signals and thresholds of the policy's [live] section."""
