"""What a load made, kept on disk so an unchanged file opens again without being read."""
