(require data/gvector)

(define hit-counter%
  (class object%
    (super-new)

    (define hits (make-gvector)) ; every timestamp, in order
    (define first 0)             ; the oldest hit still within 300 seconds

    ; hit : exact-integer? -> void?
    (define/public (hit timestamp)
      (gvector-add! hits timestamp))
    ; get-hits : exact-integer? -> exact-integer?
    (define/public (get-hits timestamp)
      (let loop ()
        (when (and (< first (gvector-count hits)) (<= (gvector-ref hits first) (- timestamp 300)))
          (set! first (add1 first))
          (loop)))
      (- (gvector-count hits) first))))
