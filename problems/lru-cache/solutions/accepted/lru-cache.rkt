(struct entry (key [value #:mutable] [prev #:mutable] [next #:mutable]))

(define lru-cache%
  (class object%
    (super-new)

    ; capacity : exact-integer?
    (init-field
      capacity)

    (define entries (make-hash))
    (define head (entry #f #f #f #f)) ; most recently used after head, least before tail
    (define tail (entry #f #f #f #f))
    (set-entry-next! head tail)
    (set-entry-prev! tail head)

    (define (unlink! e)
      (set-entry-next! (entry-prev e) (entry-next e))
      (set-entry-prev! (entry-next e) (entry-prev e)))

    (define (push-front! e)
      (set-entry-prev! e head)
      (set-entry-next! e (entry-next head))
      (set-entry-prev! (entry-next head) e)
      (set-entry-next! head e))

    ; get : exact-integer? -> exact-integer?
    (define/public (get key)
      (define e (hash-ref entries key #f))
      (cond [e (unlink! e) (push-front! e) (entry-value e)]
            [else -1]))
    ; put : exact-integer? exact-integer? -> void?
    (define/public (put key value)
      (define e (hash-ref entries key #f))
      (cond
        [e (set-entry-value! e value) (unlink! e) (push-front! e)]
        [else
         (when (= (hash-count entries) capacity)
           (define oldest (entry-prev tail))
           (unlink! oldest)
           (hash-remove! entries (entry-key oldest)))
         (define fresh (entry key value #f #f))
         (hash-set! entries key fresh)
         (push-front! fresh)]))))
