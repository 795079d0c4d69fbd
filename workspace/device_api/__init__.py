"""The device API (`/device/v1`) and the `/device` Socket.IO namespace: what call.center
softphones talk to. Authenticated by device tokens, never by admin sessions or CSRF."""
