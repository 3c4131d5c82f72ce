"""Answer rendering per channel: SMS (GSM-7, segments), WhatsApp, Telegram, web chat."""
