(define trie%
  (class object%
    (super-new)

    (define words (mutable-set))
    (define prefixes (mutable-set))

    ; insert : string? -> void?
    (define/public (insert word)
      (set-add! words word)
      (for ([end (in-range (add1 (string-length word)))])
        (set-add! prefixes (substring word 0 end))))
    ; search : string? -> boolean?
    (define/public (search word)
      (set-member? words word))
    ; starts-with : string? -> boolean?
    (define/public (starts-with prefix)
      (set-member? prefixes prefix))))
