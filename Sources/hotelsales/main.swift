import HotelCLI
HotelSalesCommand.main()
