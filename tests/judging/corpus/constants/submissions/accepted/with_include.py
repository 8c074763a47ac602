# include/python3/shift.py is added beside it, its constants filled
import shift

print(int(input()) + shift.SHIFT, shift.WORD)
