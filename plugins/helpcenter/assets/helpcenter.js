// helpcenter
