(define vector2-d%
  (class object%
    (super-new)

    ; vec : (listof (listof exact-integer?))
    (init-field
      vec)

    (define items (apply append vec))

    ; next : -> exact-integer?
    (define/public (next)
      (begin0 (car items) (set! items (cdr items))))
    ; has-next : -> boolean?
    (define/public (has-next)
      (pair? items))))
