# Exits at once without reading or writing anything: the interactor's writes break its pipe.
