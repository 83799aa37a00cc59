-- The organisation an account works for (optional): nobody judges what their organisation applied for.
ALTER TABLE account ADD COLUMN organisation VARCHAR(200);
ALTER TABLE account ADD COLUMN organisation_credit_code VARCHAR(18);
