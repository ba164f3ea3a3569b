

// A messy estate: tabs, trailing spaces, wrong indents.   
azure('lab-dr') {
  subscription '3c2b1a09-8f7e-4d6c-5b4a-39281706f5e4'
	region 'northeurope'; resourceGroup 'rg-lab'; vault 'lab-vault'
    storageAccount('labdr01') { replication 'grs' }
        network('lab-vnet') {
  addressSpace '10.70.0.0/16'
     subnet 'servers', '10.70.1.0/24'
    }
}
vmwareSite('lab') {
	vcenter('vc.lab.local') { version '6.7'; credential secret('vc-lab') }  
        host('esx01') { version '6.7' }
  network 'VM Network'   // a comment with { and } and 'quotes'
}



machines('lab') {
vmwareVm('db01') {
		os 'linux', 'CentOS 6.5'
      tags 'a{b', 'c // not a comment', "d}"
  /* a block comment
         keeps its own indentation   
   */
            disk('root') { size 40.GB; churn 1.GB }
	  nic('nic0') { network 'VM Network' }  
   }
	['web01', 'web02'].each { n ->
  vmwareVm(n) {
   os 'windows', "Windows Server ${2012} R2"
        tags "tier-${n.startsWith('web') ? 'web' : '{app}'}",
   'shared'
  disk('c') { size 100.GB }
       }
}
}
recoveryPlan('lab') {
source 'lab'
    target 'lab-dr'
  group {
      machines 'db01'
    after {
  manual '''Check the database:
      - run the health query   
	then tell the team }
'''
        }
  }
}


