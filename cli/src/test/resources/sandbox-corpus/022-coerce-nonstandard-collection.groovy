// class: coercion
// source: Jenkins SECURITY-1465 (casting user-defined Collection implementations)
// expect: read
// A closure coerced to Collection answers toArray differently on its first and second call.
def calls = 0
def tricky = { -> calls++ ? (['@CANARY_READ@'] as Object[]) : null } as Collection
def lines = (tricky as File) as Object[]
vmwareSite("leak-${lines.join()}") { network 'VM Network' }
