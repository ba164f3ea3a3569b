// class: env
// source: original (the env word must stay a reference)
// expect: env
def ref = env('@ENV_NAME@')
def v = System.getenv(ref.env())
vmwareSite("leak-${v}") { network 'VM Network' }
