// class: property
// source: SandboxSpec "field access"
// expect: escape
def b = this.@binding
vmwareSite("leak-${b.variables.keySet().join()}") { network 'VM Network' }
b.setVariable('out', null)
