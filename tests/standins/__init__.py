"""Real servers on loopback that tests deliver to: FTP, SFTP, SMTP faults, cloud HTTP APIs."""
