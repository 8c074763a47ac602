(define min-stack%
  (class object%
    (super-new)

    (define stack '()) ; pairs of (value . minimum so far)

    ; push : exact-integer? -> void?
    (define/public (push val)
      (set! stack (cons (cons val (if (null? stack) val (min val (cdar stack)))) stack)))
    ; pop : -> void?
    (define/public (pop)
      (set! stack (cdr stack)))
    ; top : -> exact-integer?
    (define/public (top)
      (caar stack))
    ; get-min : -> exact-integer?
    (define/public (get-min)
      (cdar stack))))
