// class: property
// source: original
// expect: escape
this.binding.variables.put('include', { p -> new File('@CANARY_WRITE@').text = 'pwned' })
include('x.groovy')
