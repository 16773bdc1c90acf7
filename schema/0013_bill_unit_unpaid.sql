-- What a unit owes (portal home, the unit's fee account, the payment form) is the sum over
-- its unpaid bills only: read them from their own index instead of every bill of the unit
-- since it was first billed (60 a unit after five years).
ALTER TABLE bill ADD KEY bill_unit_unpaid (unit_id, unpaid);
