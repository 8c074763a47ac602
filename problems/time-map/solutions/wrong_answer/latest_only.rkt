; Keeps each key's values but answers with the latest, whatever time is asked.
(define time-map%
  (class object%
    (super-new)

    (define entries (make-hash)) ; key -> list of (timestamp . value), newest first

    ; set : string? string? exact-integer? -> void?
    (define/public (set key value timestamp)
      (hash-update! entries key (lambda (old) (cons (cons timestamp value) old)) '()))
    ; get : string? exact-integer? -> string?
    (define/public (get key timestamp)
      (define newest (hash-ref entries key '()))
      (if (null? newest) "" (cdar newest)))))
