-- The desk's queue at a city's size (`kimbot bench web --rows 1000000`): a status
-- filter (the views "Belum ditangani" and "Lewat batas") and a status + category
-- filter walk these in id order to the page they show, newest first or from the
-- cursor of a deep page, instead of reading and sorting every ticket of that status;
-- the total (counted up to 10,001) reads only the second one for status + category.
CREATE INDEX aspirations_status_id ON aspirations(status, id);
CREATE INDEX aspirations_status_category ON aspirations(status, category, id);
