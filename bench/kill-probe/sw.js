// A service worker only so that the driver can learn the extension id.
