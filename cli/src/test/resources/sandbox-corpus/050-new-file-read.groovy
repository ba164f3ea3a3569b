// class: constructor
// source: examples/broken/sandbox/file-read.groovy; SandboxSpec "new File"
// expect: read
def v = new File('@CANARY_READ@').text
vmwareSite("leak-${v}") { network 'VM Network' }
