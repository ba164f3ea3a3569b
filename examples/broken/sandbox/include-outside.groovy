// Includes a file from outside the definition's folder.
include '../../../../../../../../etc/hostname.groovy'
