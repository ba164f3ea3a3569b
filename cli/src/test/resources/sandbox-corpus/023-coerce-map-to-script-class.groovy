// class: coercion
// source: Jenkins SECURITY-3016 (implicit map constructor property casts)
// expect: read
class Box { File f }
Box b = [f: ['@CANARY_READ@']]
def v = b.f.text
vmwareSite("leak-${v}") { network 'VM Network' }
