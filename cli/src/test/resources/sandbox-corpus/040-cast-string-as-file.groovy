// class: cast
// source: Jenkins SECURITY-663 (cast as File); SandboxSpec "a cast to File"
// expect: read
def f = '@CANARY_READ@' as File
def v = f.text
vmwareSite("leak-${v}") { network 'VM Network' }
