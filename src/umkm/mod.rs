//! UMKM (micro, small and medium enterprise) registry: the `/umkm` sign-up form,
//! its validation, the store, and coordinators' and staff's lists.

pub mod telegram;
