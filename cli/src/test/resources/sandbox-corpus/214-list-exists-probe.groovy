// class: file-list
// source: original (probing which files exist)
// expect: list
def probe = ['@CANARY_READ@', '/etc/passwd', '/root/.ssh/id_rsa'].collect { new File(it).exists() }
vmwareSite("leak-${probe.join(',')}") { network 'VM Network' }
