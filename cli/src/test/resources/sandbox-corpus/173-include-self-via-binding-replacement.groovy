// class: include
// source: original
// expect: read
// Replace the include word through the binding, then include outside.
binding.setVariable('include', null)
this.getClass().getMethod('include', String).invoke(this, '../outside/secret.txt')
